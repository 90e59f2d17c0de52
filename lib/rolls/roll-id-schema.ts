import { z } from "zod";
import { ROLL_ID_MESSAGE, ROLL_ID_PATTERN } from "./roll-id";

// The form of a roll id, for the API's and the admin's parsers (server code: zod stays out of the
// pages' JavaScript).

export const rollIdSchema = z.string().regex(ROLL_ID_PATTERN, ROLL_ID_MESSAGE);
