"""Rules for power, ownership and risk: who decides, who does what, what must hold."""
