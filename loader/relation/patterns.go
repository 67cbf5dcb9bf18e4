package relation

// patterns runs the hand-written patterns over every sentence.
func (x *extractor) patterns() {}
