# The offer, laid out by hand.   
offer "acme" {
company="Acme"   
    level = "L5"
  location =   "Seattle"
    base = 150000



  sign_on {
  year1 = 10000
  }
  equity {
    value = 120000 // four years
    schedule = [25,25,25,25]
  }
}
counter "r1" {
  offer = offer.acme
  # a comment inside
  base = 160000 # trailing   
  # offer:ignore unknown-attribute drafts live here until issue 4 lands
  note = <<EOT
keep   
  this   


EOT
}
# attached to the candidate block
candidate {
  walk_away = 100000
}



