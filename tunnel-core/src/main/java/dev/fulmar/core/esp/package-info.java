/**
 * ESP (RFC 4303) and AH (RFC 4302) for the userspace data path.
 *
 * <p>The IKE engine puts negotiated CHILD_SAs in with {@link dev.fulmar.core.esp.SaInstaller}
 * (implemented by {@link dev.fulmar.core.esp.SaTable}): an {@link dev.fulmar.core.esp.EspSaPair}
 * carries the SPIs, the {@link dev.fulmar.core.esp.EspTransform} (from the negotiated IANA ids,
 * weak algorithms refused), mode, ESN, traffic selectors, the peer's NAT-T address and the four
 * keys, which are wiped once installed. A rekey swaps the outbound SA atomically while the old
 * inbound SA keeps accepting until it is deleted; deletion wipes the keys. Sequence-number
 * exhaustion is reported through {@link dev.fulmar.core.esp.SaEventListener} by CHILD_SA id.
 *
 * <p>The data path seals and opens in place ({@link dev.fulmar.core.esp.EspSa#seal}, {@link
 * dev.fulmar.core.esp.SaTable#open}) on caller buffers with headroom, allocating nothing itself;
 * one JCE {@code Cipher}/{@code Mac} per SA and direction is re-initialised per packet. Every
 * rejected packet is a {@link dev.fulmar.core.esp.DropReason} counted on its SA (or unattributed),
 * never an exception. {@link dev.fulmar.core.esp.NonEspMarker} separates IKE, NAT-keepalives and
 * ESP on port 4500 (RFC 3948).
 */
package dev.fulmar.core.esp;
