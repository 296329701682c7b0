-- Names for the blob checks that 0004 left to PostgreSQL (blobs_check, blobs_check1), so that errors and
-- operators can refer to them. (An applied script is never edited; a new one renames.)
alter table ledger.blobs rename constraint blobs_check to blobs_size;
alter table ledger.blobs rename constraint blobs_check1 to blobs_content_addressed;
