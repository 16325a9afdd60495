/**
 * IKEv2 authentication building blocks for the initiator's IKE_AUTH exchange, independent of the
 * message codec: inputs are byte arrays, certificates and keys.
 *
 * <p>Order of use in IKE_AUTH (nothing secret leaves before the gateway is authenticated):
 *
 * <ol>
 *   <li>{@link dev.fulmar.core.ike.auth.GatewayCertificateValidator#parse} the CERT payloads and
 *       {@link dev.fulmar.core.ike.auth.GatewayCertificateValidator#validate} them with the
 *       profile's {@link dev.fulmar.core.ike.auth.ExpectedGateway} and the IDr received;
 *   <li>{@link dev.fulmar.core.ike.auth.SignedOctets#compute} the responder's signed octets and
 *       {@link dev.fulmar.core.ike.auth.AuthVerifier#verifySignature} (or {@link
 *       dev.fulmar.core.ike.auth.PskAuth#verify}) the gateway's AUTH;
 *   <li>only then answer EAP ({@code core.ike.eap}) or send our own AUTH ({@link
 *       dev.fulmar.core.ike.auth.ClientSignature#sign}, {@link
 *       dev.fulmar.core.ike.auth.PskAuth#compute}).
 * </ol>
 *
 * <p>Failures are {@link dev.fulmar.core.ike.auth.GatewayAuthException} (gateway side) and {@link
 * dev.fulmar.core.ike.auth.CredentialException} (our credential), each with a reason and plain
 * words for the UI.
 */
package dev.fulmar.core.ike.auth;
