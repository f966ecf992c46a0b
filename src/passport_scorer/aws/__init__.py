"""Running on AWS Lambda behind an Application Load Balancer."""
