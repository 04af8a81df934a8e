-- A change id is bound to its content (issue 16): `content_hash` is the sha256 of the canonical JSON of the change
-- as stored (author and device as the server recorded them), or of the item as sent for a malformed one. A repeat
-- with another hash is answered as a taken id. Null for changes stored before: an accepted one is hashed from its
-- columns when needed; a rejected one may then be retried only by the user who pushed it.
alter table changes add column content_hash text
