# Band data the candidate collected for the competing employer. These
# figures are made up for this example; record where yours come from.
source {
  name  = "Example figures for illustration"
  as_of = "2025-02"
}

band "Staff" "SWE" "NYC" {
  base        = [200000, 250000]
  equity      = [350000, 650000]
  sign_on     = [0, 100000]
  year1_total = [300000, 420000]
  percentiles = [25, 90]
}
