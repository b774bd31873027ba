# Band data the candidate collected for Globex. These figures are made up
# for this example; record where yours come from.
source {
  name  = "Example figures for illustration"
  as_of = "2025-03"
}

band "Staff" "SWE" "NYC" {
  base        = [190000, 240000]
  equity      = [300000, 600000]
  sign_on     = [0, 80000]
  year1_total = [290000, 400000]
  percentiles = [25, 90]
}
