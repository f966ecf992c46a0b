"""Invoke the Lambda handler like the Lambda runtime: one process, events in, responses out.

Reads a JSON list of ALB events on stdin; prints the list of handler responses.
"""

import json
import sys

from passport_scorer.aws.handler import handler


class Context:
    function_name = "passport-scorer"
    aws_request_id = "test"


events = json.load(sys.stdin)
print(json.dumps([handler(event, Context()) for event in events]))  # type: ignore[arg-type]
