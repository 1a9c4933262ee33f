package org.propertydesk.portal;

import java.util.Locale;

import org.propertydesk.shared.time.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails a freshly issued code to the customer, when a mail server is configured ({@code spring.mail.host}) and the
 * customer has an address. The code exists in plain text only now, so this is the one chance to send it.
 */
@Component
class ActivationCodeMail {

    private static final Logger log = LoggerFactory.getLogger(ActivationCodeMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final Dates dates;
    private final String from;
    private final String baseUrl;

    ActivationCodeMail(ObjectProvider<JavaMailSender> mail, MessageSource messages, Dates dates,
            @Value("${propertydesk.mail.from:propertydesk@localhost}") String from,
            @Value("${propertydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.messages = messages;
        this.dates = dates;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The page where the holder of the code activates the account or sets the new password. */
    String address(boolean reset) {
        return baseUrl + (reset ? OwnerActivationController.RESET : OwnerActivationController.ACTIVATE);
    }

    /**
     * Sends the code and says whether the mail went out. Customers read Chinese first, whoever issued the code; a
     * mail server that refuses is logged and the slip says the code was not mailed.
     */
    boolean send(OwnerAccounts.IssuedCode issued, String email) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || email == null || email.isBlank()) {
            return false;
        }
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        String kind = issued.reset() ? "reset" : "activate";
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email.trim());
        message.setSubject(messages.getMessage("portal.account.mail.subject." + kind, null, locale));
        message.setText(messages.getMessage("portal.account.mail.text." + kind, new Object[] {issued.customerName(),
                issued.code(), issued.phone(), dates.dateTime(issued.expiresAt()), address(issued.reset())}, locale));
        try {
            sender.send(message);
            return true;
        } catch (MailException failed) {
            log.warn("Could not mail an activation code to customer {}: {}", issued.customerId(), failed.getMessage());
            return false;
        }
    }
}
