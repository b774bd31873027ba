offer "broken" {
  base = 
