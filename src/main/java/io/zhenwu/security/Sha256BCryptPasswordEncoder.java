package io.zhenwu.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * BCrypt over the Base64 of the password's SHA-256 (stored as {@code {bcrypt-sha256}$2a$…}). BCrypt reads at most 72
 * bytes — 24 Chinese characters — while the password policy allows 128 characters of any script: pre-hashing makes
 * every character count, and the 44 ASCII characters of the digest keep BCrypt's limit and its NUL-byte pitfall out
 * of reach. Hashes of the plain {@code {bcrypt}} form of older versions still verify and are re-hashed in this form
 * at the user's next login ({@link ZhenwuUserDetailsService#updatePassword}).
 */
final class Sha256BCryptPasswordEncoder implements PasswordEncoder {

    static final String ID = "bcrypt-sha256";

    private final BCryptPasswordEncoder bcrypt;

    Sha256BCryptPasswordEncoder(BCryptPasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(preHash(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return rawPassword != null && bcrypt.matches(preHash(rawPassword), encodedPassword);
    }

    static String preHash(CharSequence rawPassword) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
