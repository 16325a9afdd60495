package dev.fulmar.core.spi;

import java.util.Set;

/**
 * Capability of a {@link UdpTransport} that moves many datagrams per system call. It needs no
 * extra calls: {@link UdpTransport#send} hands runs of equal-size datagrams to the kernel as one
 * UDP GSO super-datagram (the last of a run may be shorter), and {@link UdpTransport#receive}
 * splits what UDP GRO coalesced. The data path gains most by sending the ESP packets of one
 * segmented TCP burst together, in order.
 *
 * <p>Obtain it with {@code transport instanceof UdpOffload offload}.
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
