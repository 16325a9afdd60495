package dev.fulmar.helper.control;

import dev.fulmar.control.Limits;
import dev.fulmar.control.SocketPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the control server runs: where the socket is, which group operates the VPN, and the limits
 * that bound what clients can make it hold (defaults from {@link Limits}).
 *
 * @param socket the socket path
 * @param operatorGroup members may connect, disconnect, read status and logs
 * @param socketGroup the group that owns the socket and its directory (usually the operator
 *     group; null leaves ownership alone)
 * @param helperVersion reported in {@code welcome} and bundles
 * @param maxClients clients at once
 * @param maxPendingPerClient requests of one client in progress at once
 * @param maxLineBytes longest request line
 * @param maxOutboundBytes bytes queued for a client before it is cut off
 * @param helloTimeout time to send hello
 * @param partialLineTimeout time a line may stay unfinished
 * @param workers threads that carry out requests
 * @param statsInterval how often stats are published; zero for never (tests tick by hand)
 */
public record ServerConfig(
    Path socket,
    String operatorGroup,
    String socketGroup,
    String helperVersion,
    int maxClients,
    int maxPendingPerClient,
    int maxLineBytes,
    int maxOutboundBytes,
    Duration helloTimeout,
    Duration partialLineTimeout,
    int workers,
    Duration statsInterval) {

  public ServerConfig {
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(operatorGroup, "operatorGroup");
    Objects.requireNonNull(helperVersion, "helperVersion");
    Objects.requireNonNull(helloTimeout, "helloTimeout");
    Objects.requireNonNull(partialLineTimeout, "partialLineTimeout");
    Objects.requireNonNull(statsInterval, "statsInterval");
    if (maxClients < 1 || maxPendingPerClient < 1 || maxLineBytes < 64 || workers < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** The production settings for {@code socket}. */
  public static ServerConfig defaults(Path socket, String helperVersion) {
    return new ServerConfig(socket, SocketPaths.OPERATOR_GROUP, SocketPaths.OPERATOR_GROUP,
        helperVersion, Limits.MAX_CLIENTS, Limits.MAX_PENDING_PER_CLIENT,
        Limits.MAX_REQUEST_LINE_BYTES, Limits.MAX_OUTBOUND_BYTES, Limits.HELLO_TIMEOUT,
        Limits.PARTIAL_LINE_TIMEOUT, 4, Duration.ofSeconds(1));
  }

  /** The same with another socket group (tests use one that exists). */
  public ServerConfig withSocketGroup(String group) {
    return new ServerConfig(socket, operatorGroup, group, helperVersion, maxClients,
        maxPendingPerClient, maxLineBytes, maxOutboundBytes, helloTimeout, partialLineTimeout,
        workers, statsInterval);
  }

  /** The same with another stats interval (zero: only {@code tickStats()} publishes). */
  public ServerConfig withStatsInterval(Duration interval) {
    return new ServerConfig(socket, operatorGroup, socketGroup, helperVersion, maxClients,
        maxPendingPerClient, maxLineBytes, maxOutboundBytes, helloTimeout, partialLineTimeout,
        workers, interval);
  }

  /** The same with other timeouts. */
  public ServerConfig withTimeouts(Duration hello, Duration partialLine) {
    return new ServerConfig(socket, operatorGroup, socketGroup, helperVersion, maxClients,
        maxPendingPerClient, maxLineBytes, maxOutboundBytes, hello, partialLine, workers,
        statsInterval);
  }

  /** The same with other client limits. */
  public ServerConfig withLimits(int clients, int pending, int lineBytes, int outboundBytes) {
    return new ServerConfig(socket, operatorGroup, socketGroup, helperVersion, clients, pending,
        lineBytes, outboundBytes, helloTimeout, partialLineTimeout, workers, statsInterval);
  }
}
