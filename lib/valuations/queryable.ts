import type pg from "pg";

/** Anything that runs SQL: the pool, or one client checked out of it (for a transaction). */
export type Queryable = pg.Pool | pg.PoolClient;
