package com.publisherdesk.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The desk's local token issuer, for development and tests: an RSA key pair kept in a directory, signing bearer tokens
 * (JWTs) shaped like an OIDC provider's access tokens. The services verify them exactly as they verify Keycloak's:
 * signature against the public key, issuer, audience and expiry.
 */
public final class DeskTokens {

    /** The issuer the services accept from the local issuer. */
    public static final String ISSUER = "https://publisher-desk.localhost/issuer";
    /** The audience every token names: the desk's API. */
    public static final String AUDIENCE = "publisher-desk";
    /** The role of the support agents who work the manual review queue. */
    public static final String SUPPORT_AGENT = "support-agent";
    /** The role of the operators who import billing data and replay dead letters. */
    public static final String OPERATOR = "operator";
    /** How long a token lasts unless told otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    /** The file name of the issuer's private key, beside its verification key. */
    static final String SIGNING_KEY = "token-signing-key.pem";
    private static final String VERIFICATION_KEY = "token-verification-key.pem";

    private final PrivateKey signingKey;
    private final Path verificationKey;

    private DeskTokens(PrivateKey signingKey, Path verificationKey) {
        this.signingKey = signingKey;
        this.verificationKey = verificationKey;
    }

    /** The issuer whose keys are in {@code dir}, creating them on first use. */
    public static DeskTokens in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path signing = dir.resolve(SIGNING_KEY);
            Path verification = dir.resolve(VERIFICATION_KEY);
            if (!Files.exists(signing) || !Files.exists(verification)) {
                KeyPair pair = newKeyPair();
                Files.writeString(verification, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(signing, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                if (Files.getFileStore(signing).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(signing, java.nio.file.attribute.PosixFilePermissions
                            .fromString("rw-------"));
                }
            }
            return new DeskTokens(readPrivateKey(signing), verification);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token keys could not be read from " + dir, e);
        }
    }

    /** An issuer with a key of its own that no desk service trusts: its tokens must be refused. */
    public static DeskTokens untrusted() {
        try {
            return new DeskTokens(newKeyPair().getPrivate(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM file of the public key the services verify signatures with. */
    public Path verificationKeyFile() {
        return verificationKey;
    }

    /**
     * The settings a Quarkus service needs to accept this issuer's tokens. The key is given both as a file (for the
     * services run as processes) and inline: in test mode Quarkus generates a development key pair of its own unless a
     * key is known at build time, and only an inline key given at run time takes precedence over it.
     */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", verificationKey.toAbsolutePath().toString());
        try {
            config.put("mp.jwt.verify.publickey", Files.readString(verificationKey, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("mp.jwt.verify.audiences", AUDIENCE);
        return config;
    }

    /** A token for a person acting as a publisher administrator (the desk checks which publishers). */
    public String person(String email) {
        return issue(email, List.of(), DEFAULT_LIFETIME);
    }

    /** A token for a support agent. */
    public String supportAgent(String email) {
        return issue(email, List.of(SUPPORT_AGENT), DEFAULT_LIFETIME);
    }

    /** A token for an operator. */
    public String operator(String email) {
        return issue(email, List.of(OPERATOR), DEFAULT_LIFETIME);
    }

    /** A token for {@code email} that expired {@code ago} ago. */
    public String expired(String email, Duration ago) {
        return sign(claims(email, List.of(), Instant.now().minus(ago).minus(DEFAULT_LIFETIME), DEFAULT_LIFETIME,
                AUDIENCE));
    }

    /** A token meant for another API: its audience is not the desk's. */
    public String forAudience(String email, String audience) {
        return sign(claims(email, List.of(), Instant.now(), DEFAULT_LIFETIME, audience));
    }

    /** A token for {@code email} with the given roles, valid from now for {@code lifetime}. */
    public String issue(String email, List<String> roles, Duration lifetime) {
        return sign(claims(email, roles, Instant.now(), lifetime, AUDIENCE));
    }

    private static JwtClaims claims(String email, List<String> roles, Instant issuedAt, Duration lifetime,
            String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(email);
        claims.setClaim("email", email);
        claims.setClaim("upn", email);
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setKeyIdHeaderValue("desk-local");
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("The token could not be signed", e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
