using Cac.Action.Aws;

namespace Cac.Action.Tests.Aws;

public class PartitionTests
{
    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("eu-west-1", "aws")]
    [InlineData("ap-southeast-2", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("us-iso-east-1", "aws-iso")]
    [InlineData("us-isob-east-1", "aws-iso-b")]
    [InlineData("us-isof-south-1", "aws-iso-f")]
    [InlineData("eu-isoe-west-1", "aws-iso-e")]
    public void FromRegion_derives_the_partition_from_the_region_prefix(string region, string expected)
    {
        Assert.Equal(expected, Partition.FromRegion(region));
    }

    [Theory]
    [InlineData("arn:aws:iam::111111111111:role/MY-ROLE", "aws")]
    [InlineData("arn:aws-cn:iam::111111111111:role/MY-ROLE", "aws-cn")]
    [InlineData("arn:aws-us-gov:sts::111111111111:assumed-role/R/s", "aws-us-gov")]
    [InlineData("arn:aws:s3:::bucket", "aws")]
    [InlineData("MY-ROLE", null)]
    [InlineData("arn:aws:iam", null)]
    [InlineData("urn:aws:iam::111111111111:role/R", null)]
    [InlineData("", null)]
    public void FromArn_reads_the_second_field_of_an_ARN(string arn, string? expected)
    {
        Assert.Equal(expected, Partition.FromArn(arn));
    }

    [Theory]
    [InlineData("arn:aws:iam::111111111111:role/MY-ROLE", "111111111111")]
    [InlineData("arn:aws:sts::222222222222:assumed-role/MY-ROLE/GitHubActions", "222222222222")]
    [InlineData("arn:aws:s3:::bucket", null)]
    [InlineData("MY-ROLE", null)]
    [InlineData("arn:aws:iam::111111111111", null)]
    public void AccountFromArn_reads_the_fifth_field_when_present(string arn, string? expected)
    {
        Assert.Equal(expected, Partition.AccountFromArn(arn));
    }
}
