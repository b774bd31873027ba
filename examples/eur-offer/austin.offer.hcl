offer "austin" {
  company  = "Globex"
  level    = "Staff"
  track    = "SWE"
  location = "Austin"
  received = "2026-05-04"

  base = 200000

  equity {
    value = 300000
  }
}
