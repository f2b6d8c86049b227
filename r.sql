\i b19.arr
BEGIN;
\i ex2.sql
COMMIT;
