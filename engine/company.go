package engine

import "strings"

// CompanyKey is the form in which two company names are compared
// everywhere (versions, competing offers, bands, scenarios): case and
// spacing do not matter, nor a trailing ".com" or a legal suffix
// (", Inc."), so "Amazon", "amazon" and "Amazon.com" are one company. An
// empty name stays empty.
func CompanyKey(name string) string {
	k := strings.Join(strings.Fields(strings.ToLower(name)), " ")
	for _, suffix := range []string{", inc.", ", inc", " inc.", " inc", ".com"} {
		k = strings.TrimSpace(strings.TrimSuffix(k, suffix))
	}
	return k
}

// SameCompany reports whether two company names name one employer. Two
// unnamed companies are not known to be the same.
func SameCompany(a, b string) bool {
	ka := CompanyKey(a)
	return ka != "" && ka == CompanyKey(b)
}
