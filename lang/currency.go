package lang

import (
	"fmt"
	"strings"
)

// This file holds the ISO 4217 currency codes a file may name, as data,
// and the did-you-mean for what people write instead ("usd", "euro", "$").

// isoCodes are the active alphabetic codes of ISO 4217 (list one: current
// currencies and funds, including the X codes for precious metals, SDRs,
// bond-market units and testing), maintained by SIX Financial Information
// for ISO. Checked code by code against list one as published on
// 2024-06-25 (read from a secondary copy of SIX's list-one.xml kept in a
// public repository, not from SIX itself), with one change made after that
// publication and not confirmed here from a primary source: XCG (the
// Caribbean guilder, from 2025) replaces ANG. CUC is still on the 2024 list
// although Cuba stopped issuing it, so it is accepted. BGN stays: offers
// written in leva before Bulgaria adopted the euro (2026-01-01) are still
// read. Review it against the published list when a currency changes.
var isoCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`
		AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
		CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
		GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
		KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN
		NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
		SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW
		UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER
		ZAR ZMW ZWG`) {
		m[c] = true
	}
	return m
}()

// currencyNames are what people write for a currency instead of its code:
// names, symbols and codes withdrawn from ISO 4217, by the lower-case text,
// with the code to write. Ambiguous names ("peso", "krone") are left out.
var currencyNames = map[string]string{
	"$": "USD", "us$": "USD", "usd$": "USD", "dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD",
	"€": "EUR", "euro": "EUR", "euros": "EUR", "eur€": "EUR",
	"£": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "pound sterling": "GBP", "gb£": "GBP", "ukp": "GBP", "stg": "GBP",
	"¥": "JPY", "yen": "JPY", "₹": "INR", "rupee": "INR", "rupees": "INR", "rs": "INR",
	"yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "swiss franc": "CHF", "swiss francs": "CHF",
	"c$": "CAD", "ca$": "CAD", "canadian dollar": "CAD", "a$": "AUD", "au$": "AUD", "australian dollar": "AUD",
	"nz$": "NZD", "hk$": "HKD", "s$": "SGD", "₩": "KRW", "won": "KRW", "zloty": "PLN", "zł": "PLN",
	"₪": "ILS", "shekel": "ILS", "shekels": "ILS", "nis": "ILS", "rand": "ZAR", "₺": "TRY", "lira": "TRY",
	"₽": "RUB", "ruble": "RUB", "rouble": "RUB", "real": "BRL", "reais": "BRL", "r$": "BRL", "kč": "CZK",
	"forint": "HUF", "ft": "HUF", "dirham": "AED", "riyal": "SAR",
	// Withdrawn codes, with their successors.
	"hrk": "EUR", "dem": "EUR", "frf": "EUR", "itl": "EUR", "esp": "EUR", "nlg": "EUR", "bef": "EUR", "ats": "EUR",
	"fim": "EUR", "iep": "EUR", "pte": "EUR", "grd": "EUR", "luf": "EUR", "sit": "EUR", "skk": "EUR", "eek": "EUR",
	"lvl": "EUR", "ltl": "EUR", "mtl": "EUR", "cyp": "EUR", "sll": "SLE", "zwl": "ZWG", "ang": "XCG",
	"vef": "VES", "mro": "MRU", "std": "STN", "byr": "BYN", "trl": "TRY", "rur": "RUB",
}

// CurrencyCode checks that s is an active ISO 4217 code (isoCodes), the
// one check every currency in a file goes through; it returns "" or a
// sentence saying what to write, with the code s probably means.
func CurrencyCode(s string) string {
	if isoCodes[s] {
		return ""
	}
	shown := Printable(fmt.Sprintf("%q", s))
	if mean := meantCurrency(s); mean != "" {
		return fmt.Sprintf("%s is not an ISO 4217 currency code. Did you mean %q? Write the three capital letters of the code.", shown, mean)
	}
	if isCurrencyCode(s) {
		return fmt.Sprintf("%s has the shape of a currency code but is not one of ISO 4217's active codes; write a code such as \"USD\", \"EUR\" or \"GBP\".", shown)
	}
	return fmt.Sprintf("%s is not an ISO 4217 currency code; write three capital letters such as \"USD\", \"EUR\" or \"GBP\".", shown)
}

// meantCurrency returns the code s probably stands for: the code in other
// letter case ("usd"), a name or symbol ("euro", "$"), the successor of a
// withdrawn code ("HRK"); or "".
func meantCurrency(s string) string {
	t := strings.TrimSpace(s)
	if up := strings.ToUpper(t); isoCodes[up] {
		return up
	}
	low := strings.ToLower(t)
	if c, ok := currencyNames[low]; ok {
		return c
	}
	// "euro 400" or "USD 400": a code or name followed by a figure.
	if i := strings.IndexFunc(low, func(r rune) bool { return r == ' ' || (r >= '0' && r <= '9') }); i > 0 {
		return meantCurrency(low[:i])
	}
	return ""
}
