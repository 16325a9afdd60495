package dev.fulmar.core.spi;

import java.util.Set;

/**
 * Read-only capability of a {@link UdpTransport} that moves many datagrams per system call: which
 * offloads are in force, so that the helper can report them (in its log and diagnostics). Obtain
 * it with {@code transport instanceof UdpOffload offload}.
 *
 * <p>The offloads work entirely behind the plain calls: {@link UdpTransport#send} hands runs of
 * equal-size datagrams to the kernel as one GSO super-datagram (the last of a run may be shorter)
 * and {@link UdpTransport#receive} splits what GRO coalesced. Callers change nothing, except that
 * handing over whole batches lets longer runs form.
 */
public interface UdpOffload {

  /** Kinds of offload in force on the socket. */
  enum Feature {
    /** Several destinations' datagrams per call ({@code sendmmsg}). */
    SEND_BATCH,
    /** Several datagrams per receive call ({@code recvmmsg}). */
    RECEIVE_BATCH,
    /** Equal-size datagrams sent as one super-datagram ({@code UDP_SEGMENT}). */
    SEGMENTATION,
    /** Consecutive datagrams of one sender received as one ({@code UDP_GRO}). */
    RECEIVE_COALESCING
  }

  /** The offloads in force. */
  Set<Feature> offloads();
}
