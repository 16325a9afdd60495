package dev.fulmar.control.message;

import java.util.Objects;

/**
 * The first request on every connection: the protocol versions the client speaks and who it is.
 * The helper answers {@link Welcome} with the agreed version, or {@code UNSUPPORTED_VERSION}.
 * Any other request before {@code hello} is refused with {@code HELLO_REQUIRED}.
 *
 * @param minVersion the oldest protocol version the client speaks (at least 1)
 * @param maxVersion the newest protocol version the client speaks
 * @param client the client's name, e.g. {@code fulmar-cli} or {@code fulmar-app}
 * @param clientVersion the client's version
 */
public record Hello(int minVersion, int maxVersion, String client, String clientVersion)
    implements Request {
  public Hello {
    if (minVersion < 1 || maxVersion < minVersion) {
      throw new IllegalArgumentException("hello: versions must satisfy 1 <= minVersion <= "
          + "maxVersion (got " + minVersion + ".." + maxVersion + ")");
    }
    Objects.requireNonNull(client, "hello.client");
    clientVersion = clientVersion == null ? "" : clientVersion;
  }
}
