package store

// SetSplitHook installs a function that runs after each chunk of a split
// commit; an error from it stops the commit as a crash would. For tests.
func SetSplitHook(db *DB, fn func(chunk int) error) { db.splitHook = fn }
