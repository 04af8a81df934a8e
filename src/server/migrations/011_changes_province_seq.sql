-- Provinces never wait for each other (issue 15): a push takes its province's advisory lock (4243, hashtext(province))
-- and the global one (4242) shared, instead of 4242 exclusively, so sequence order is commit order within a province
-- only. A pull of one province's scope moves its cursor to that province's newest change, read with this index in
-- the same statement (same snapshot) as its page.
create index changes_province_seq on changes(province, seq)
