"""The scorer's Lambda function (and its execution role); no target groups, no rules."""

from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws

from scorer_infra.config import InfraConfig

HANDLER = "passport_scorer.aws.handler.handler"


def scorer_function(name: str, config: InfraConfig) -> aws.lambda_.Function:
    role = aws.iam.Role(
        f"{name}-role",
        assume_role_policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "lambda.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                    }
                ],
            }
        ),
    )
    aws.iam.RolePolicyAttachment(
        f"{name}-vpc-access",
        role=role.name,
        policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
    )
    environment: dict[str, pulumi.Input[str]] = {
        "DB_POOL_SIZE": "2",  # one request at a time per Lambda container
        "LOG_LEVEL": "INFO",
        # A frozen container runs nothing between requests: write usage rows before answering.
        "ANALYTICS_FLUSH_SECONDS": "0",
        **config.rollout.environment,
        "DATABASE_URL": config.database_url,
        "TRUSTED_IAM_ISSUERS": json.dumps(config.trusted_issuers),
        "CGRANTS_API_TOKEN": config.internal_token,
    }
    if config.secret_key is not None:
        environment["SECRET_KEY"] = config.secret_key
    if config.sign_in_key is not None:
        environment["SIWE_JWT_PRIVATE_KEY"] = config.sign_in_key
    if config.ethereum_rpc_url is not None:
        environment["ETHEREUM_RPC_URL"] = config.ethereum_rpc_url
    return aws.lambda_.Function(
        name,
        role=role.arn,
        runtime="python3.11",
        handler=HANDLER,
        architectures=["arm64"],
        memory_size=512,
        timeout=30,
        code=pulumi.FileArchive(config.artifact),
        environment=aws.lambda_.FunctionEnvironmentArgs(variables=environment),
        vpc_config=aws.lambda_.FunctionVpcConfigArgs(
            subnet_ids=config.subnet_ids, security_group_ids=config.security_group_ids
        ),
    )
