import { z } from "zod";
import { MAX_PASSWORD_LENGTH, passwordProblem } from "./passwordProblem";
import { RoleSchema } from "./ServerUser";

const Id = z.string().trim().min(1).max(100);

/** Body of POST /api/users and arguments of `npm run admin -- create-user`. */
export const NewUserSchema = z
  .object({
    username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._@-]+$/, "chỉ dùng chữ không dấu, số và . _ @ -"),
    password: z.string().max(MAX_PASSWORD_LENGTH),
    role: RoleSchema,
    province: Id.nullable().optional(),
    team: Id.nullable().optional(),
    displayName: z.string().max(200).optional(),
  })
  .superRefine((u, ctx) => {
    const weak = passwordProblem(u.password, u.username);
    if (weak) ctx.addIssue({ code: "custom", path: ["password"], message: weak });
    if (u.role !== "admin" && !u.province) ctx.addIssue({ code: "custom", path: ["province"], message: "cần tỉnh (province)" });
    if ((u.role === "lead" || u.role === "inspector") && !u.team) ctx.addIssue({ code: "custom", path: ["team"], message: "cần đoàn (team)" });
  });
export type NewUser = z.infer<typeof NewUserSchema>;
