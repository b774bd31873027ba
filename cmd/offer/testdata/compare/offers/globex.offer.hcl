# A front-loaded grant with an optimistic growth assumption, and no start
# date yet.
offer "globex" {
  company  = "Globex"
  level    = "L5"
  track    = "SWE"
  location = "Remote"
  base     = 210000

  equity {
    value    = 400000
    schedule = "google"
    growth   = 10
  }
}
