-- The hourly pruning looks for audit entries past the trail's five years; without this it would read
-- the whole trail every hour to find none.
create index staff_audit_occurred_at on staff_audit (occurred_at);
