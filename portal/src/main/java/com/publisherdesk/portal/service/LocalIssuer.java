package com.publisherdesk.portal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs tokens with the embedded desk's local issuer key, shaped as {@code ./desk token} signs them: the desk's
 * issuer and audience, the email as subject, the roles as groups.
 */
public final class LocalIssuer {

    static final String ISSUER = "https://publisher-desk.localhost/issuer";
    static final String AUDIENCE = "publisher-desk";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final PrivateKey key;

    private LocalIssuer(PrivateKey key) {
        this.key = key;
    }

    /** The issuer whose PKCS#8 PEM private key is in {@code file}. */
    public static LocalIssuer fromKeyFile(Path file) {
        try {
            String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new LocalIssuer(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The local issuer's key could not be read from " + file, e);
        }
    }

    /** A token for {@code email} with {@code roles}, valid for eight hours. */
    public String sign(String email, List<String> roles) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(email);
        claims.setClaim("email", email);
        claims.setClaim("upn", email);
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue("desk-local");
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("The token could not be signed", e);
        }
    }
}
