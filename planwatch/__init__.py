"""PlanWatch: deliver, evidence and report on a Police and Crime Plan."""
