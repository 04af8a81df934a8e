/** Where the user was: the hash route (screen and criterion) and how far down it they had scrolled. */
export interface ResumeState {
  hash: string;
  y: number;
}
