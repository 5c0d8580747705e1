-- A rotated signing secret: the previous one keeps signing beside the new one until
-- previous_secret_until, so a receiver can switch without missing a message.
alter table webhook_subscription add column previous_secret varchar(100);
alter table webhook_subscription add column previous_secret_until timestamptz;
