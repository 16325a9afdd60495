/**
 * The packet pipeline between the TUN device and the NAT-T socket.
 *
 * <p>{@link dev.fulmar.core.datapath.DataPath} runs an {@link
 * dev.fulmar.core.datapath.OutboundPipeline} (TUN to UDP) and an {@link
 * dev.fulmar.core.datapath.InboundPipeline} (UDP to TUN, IKE to the engine's {@link
 * dev.fulmar.core.datapath.IkePacketHandler}) on one thread each, over the {@code core.spi}
 * contracts and the {@link dev.fulmar.core.esp.SaTable} the engine fills. Buffers come from a
 * bounded {@link dev.fulmar.core.datapath.BufferPool} with headroom; batches move through each
 * stage; SYNs get their MSS clamped; oversize packets get ICMP/ICMPv6 too-big replies computed
 * from {@link dev.fulmar.core.datapath.TunnelMtu}. {@link dev.fulmar.core.datapath.DataPath#stats}
 * gives {@link dev.fulmar.core.datapath.SaStats} for the UI.
 *
 * <p>Only the plain batched {@code TunDevice}/{@code UdpTransport} calls are used, and each batch
 * is handed over whole: one {@code send} per peer for what one TUN read gave, one TUN {@code
 * write} for what one receive gave. Kernel offloads stay behind those calls, in the adapters: a
 * Linux TUN with {@code IFF_VNET_HDR} splits TSO bursts on read and merges TCP segments on write,
 * a Linux UDP socket sends with {@code sendmmsg} and UDP GSO and receives with {@code recvmmsg}
 * and UDP GRO. {@link dev.fulmar.core.datapath.ManualKeying} keys a data path without IKE for
 * benchmarks.
 */
package dev.fulmar.core.datapath;
