# Exchange rates for comparing the offers, with their date and source.
# offerkit assumes no rate of its own: state the one you believe.
rates {
  base   = "USD"
  as_of  = "2026-11-02"
  source = "illustrative rate for the example; use a published reference rate (e.g. the ECB's) for your own files"
  EUR    = 1.16
}
