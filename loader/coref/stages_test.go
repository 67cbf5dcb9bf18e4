package coref_test

import "github.com/kgraph/kgraph/loader"

// stages are the loader's stages, built once from the embedded files for
// the package's tests.
var stages = func() *loader.Pipeline {
	p, err := loader.NewPipeline(loader.Resources{})
	if err != nil {
		panic(err)
	}
	return p
}()
