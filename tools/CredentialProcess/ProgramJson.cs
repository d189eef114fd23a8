using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cac.CredentialProcess;

[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ProgramJson : JsonSerializerContext;
