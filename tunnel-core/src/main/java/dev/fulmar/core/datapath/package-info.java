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
 * <p>Devices that offer kernel offloads implement {@link
 * dev.fulmar.core.datapath.TunSegmentationOffload} (TSO super-packets in, GRO super-packets out)
 * and {@link dev.fulmar.core.datapath.UdpSegmentationOffload} (UDP GSO/GRO); the pipelines then
 * segment and coalesce in userspace. Without them the plain batched path is used.
 * {@link dev.fulmar.core.datapath.ManualKeying} keys a data path without IKE for benchmarks.
 */
package dev.fulmar.core.datapath;
