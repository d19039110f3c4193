using System.Runtime.CompilerServices;

// Unit tests reach the pure helpers (host-name parsing, the framework's message table) without widening the public surface.
[assembly: InternalsVisibleTo("EngagementPlatform.Framework.Tests")]
