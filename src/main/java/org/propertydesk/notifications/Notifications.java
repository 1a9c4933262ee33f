package org.propertydesk.notifications;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.MessageTokens;
import org.propertydesk.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells staff about what needs them: escalations, reopenings, assignments. Always in the app; by email too when
 * {@code spring.mail.host} is set and the person has an address, otherwise the mail is only logged.
 */
@Service
@Transactional
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationRepository notifications;
    private final StaffDirectory staff;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final Dates dates;
    private final String from;
    private final String baseUrl;

    Notifications(NotificationRepository notifications, StaffDirectory staff, ObjectProvider<JavaMailSender> mail,
            MessageSource messages, Dates dates, @Value("${propertydesk.mail.from:propertydesk@localhost}") String from,
            @Value("${propertydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.notifications = notifications;
        this.staff = staff;
        this.mail = mail;
        this.messages = messages;
        this.dates = dates;
        this.from = from;
    }

    /**
     * @param kind        a short category such as ESCALATION, shown as an icon
     * @param messageKey  the text, with {0}… filled from {@code arguments}
     * @param link        where the notification leads, a path within the app
     */
    public void send(Collection<String> recipients, String kind, String messageKey, List<String> arguments, String link) {
        for (String recipient : recipients.stream().distinct().toList()) {
            notifications.save(new Notification(recipient, dates.now(), kind, messageKey, arguments, link));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mailTo(recipients, messageKey, arguments, link);
                }
            });
        } else {
            mailTo(recipients, messageKey, arguments, link);
        }
    }

    @Transactional(readOnly = true)
    long unread(String recipient) {
        return notifications.countByRecipientAndReadAtIsNull(recipient);
    }

    @Transactional(readOnly = true)
    Page<Notification> latest(String recipient, int page) {
        return notifications.findForRecipient(recipient, PageRequest.of(Math.max(page, 0), 30));
    }

    /** Marks one of the recipient's notifications read and returns where it leads; someone else's is not found. */
    Optional<String> open(long id, String recipient) {
        return notifications.findById(id).filter(n -> n.getRecipient().equals(recipient)).map(n -> {
            n.markRead(dates.now());
            return n.getLink() == null ? "/notifications" : n.getLink();
        });
    }

    void markAllRead(String recipient) {
        notifications.markAllRead(recipient, dates.now());
    }

    /**
     * Mail is a courtesy copy sent after the commit: a mail server that is down must neither undo nor delay the
     * in-app notification.
     */
    private void mailTo(Collection<String> recipients, String messageKey, List<String> arguments, String link) {
        List<StaffDirectory.StaffContact> contacts = staff.byUsernames(List.copyOf(recipients)).stream()
                .filter(c -> c.email() != null).toList();
        if (contacts.isEmpty()) {
            return;
        }
        Object[] translated = arguments.stream()
                .map(argument -> MessageTokens.translate(argument, messages, Locale.SIMPLIFIED_CHINESE))
                .toArray();
        String text = messages.getMessage(messageKey, translated, messageKey, Locale.SIMPLIFIED_CHINESE);
        String address = link == null ? null : baseUrl + link;
        JavaMailSender sender = mail.getIfAvailable();
        for (StaffDirectory.StaffContact contact : contacts) {
            if (sender == null) {
                log.info("Mail not configured; would send to {}: {} ({})", contact.email(), text, address);
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(contact.email());
            message.setSubject("PropertyDesk: " + text);
            message.setText(text + (address == null ? "" : "\n\n" + address));
            try {
                sender.send(message);
            } catch (MailException failed) {
                log.warn("Could not mail {}: {}", contact.email(), failed.getMessage());
            }
        }
    }
}
