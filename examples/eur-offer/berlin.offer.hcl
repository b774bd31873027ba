# An offer in euros beside one in dollars. Plain `offer compare` does not
# rank them (amounts in different currencies cannot be ordered without a
# rate); with the rates file beside them,
#   offer compare --currency USD examples/eur-offer
# converts the Berlin offer at the stated rate and ranks both.
offer "berlin" {
  company  = "Initech"
  level    = "Staff"
  track    = "SWE"
  location = "Berlin"
  currency = "EUR"
  received = "2026-05-11"

  base = 150000

  sign_on {
    year1 = 30000
  }

  equity {
    value = 200000
  }
}
