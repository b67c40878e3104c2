-- The migration globex-plan.md's owner applies.
create table if not exists globex_cursor (organization_id text primary key, cursor text);
