/**
 * The client side of EAP inside IKEv2 (RFC 3748, RFC 7296 §2.16): the packet codec, the {@link
 * dev.fulmar.core.ike.eap.EapClient} driver and the methods {@link
 * dev.fulmar.core.ike.eap.EapMsChapV2}, {@link dev.fulmar.core.ike.eap.EapTls}, {@link
 * dev.fulmar.core.ike.eap.EapMd5} and {@link dev.fulmar.core.ike.eap.EapGtc}.
 *
 * <p>The engine feeds each EAP payload of the gateway to {@link
 * dev.fulmar.core.ike.eap.EapClient#process} and sends back what it returns; on {@code
 * Succeeded} it computes the final AUTH with the MSK (or SK_p for methods without one) through
 * {@code core.ike.auth.PskAuth}. Failures are {@link
 * dev.fulmar.core.ike.eap.EapAuthenticationException} with a reason the UI can explain, and
 * {@link dev.fulmar.core.ike.eap.EapFormatException} for malformed packets.
 */
package dev.fulmar.core.ike.eap;
