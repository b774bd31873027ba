package lsp

import "sync"

// nameLocks gives each file name one mutex for writes of a document's text
// into the workspace. A document closed or opened again gets a new worker,
// while the old one may still be running; sharing the lock by name (and the
// old worker's check that its document is closed, under that lock) keeps
// the old text from landing over the new.
type nameLocks struct {
	mu sync.Mutex
	m  map[string]*sync.Mutex
}

func (n *nameLocks) lock(name string) *sync.Mutex {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.m == nil {
		n.m = map[string]*sync.Mutex{}
	}
	l := n.m[name]
	if l == nil {
		l = &sync.Mutex{}
		n.m[name] = l
	}
	return l
}
