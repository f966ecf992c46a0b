"""The Pulumi program's builders: function, target groups, rules, alarms (one module each)."""
