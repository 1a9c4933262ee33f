package org.propertydesk.requests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.propertydesk.shared.files.FileStore;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Up to five photos or documents per request, checked by content, readable only by those who may see the request.
 */
@Service
@Transactional
class RequestAttachments {

    static final int MAX_PER_REQUEST = 5;

    private final RequestAttachmentRepository attachments;
    private final RequestService requests;
    private final FileStore files;
    private final Dates dates;

    RequestAttachments(RequestAttachmentRepository attachments, RequestService requests, FileStore files, Dates dates) {
        this.attachments = attachments;
        this.requests = requests;
        this.files = files;
        this.dates = dates;
    }

    /** Checks uploads before anything is saved; returns the message key of the first problem, if any. */
    static Optional<String> problemWith(List<MultipartFile> uploads, long alreadyAttached) {
        List<MultipartFile> real = nonEmpty(uploads);
        if (alreadyAttached + real.size() > MAX_PER_REQUEST) {
            return Optional.of("file.error.tooMany");
        }
        return real.stream().filter(f -> f.getSize() > FileStore.MAX_BYTES).findFirst().map(f -> "file.error.tooLarge");
    }

    void attach(long requestId, List<MultipartFile> uploads) {
        ServiceRequest request = requests.get(requestId);
        List<MultipartFile> real = nonEmpty(uploads);
        store(request, real, CurrentUser.username());
        if (!real.isEmpty()) {
            requests.recordAttachments(requestId, real.size());
        }
    }

    /** A report from a QR code's form with its photos: saved together or not at all. */
    ServiceRequest reportWithoutAccount(long siteId, long reportPointId, String locationText, String phone,
            String description, List<MultipartFile> uploads) {
        ServiceRequest request = requests.reportWithoutAccount(siteId, reportPointId, locationText, phone, description);
        List<MultipartFile> real = nonEmpty(uploads);
        store(request, real, "public");
        if (!real.isEmpty()) {
            request.attached(real.size(), new ServiceRequest.Actor("public", phone), dates.now());
        }
        return request;
    }

    private void store(ServiceRequest request, List<MultipartFile> real, String uploadedBy) {
        if (attachments.countByRequestId(request.getId()) + real.size() > MAX_PER_REQUEST) {
            throw new BusinessRuleException("file.error.tooMany", MAX_PER_REQUEST);
        }
        List<String> stored = new ArrayList<>();
        deleteOnRollback(stored);
        for (MultipartFile upload : real) {
            FileStore.StoredFile file;
            try {
                file = files.store(upload, dates.today());
            } catch (FileStore.RejectedFile rejected) {
                throw new BusinessRuleException(rejected.messageKey());
            }
            stored.add(file.key());
            attachments.save(new RequestAttachment(request.getId(), file, dates.now(), uploadedBy));
        }
    }

    /**
     * Intake with photos: the request and its files are saved together or not at all. With an answer, an inquiry
     * is resolved at intake in the same step (first-contact resolution).
     */
    ServiceRequest receive(IntakeCommand command, List<MultipartFile> uploads, String answeredWith) {
        ServiceRequest request = requests.receive(command);
        attach(request.getId(), uploads);
        if (answeredWith != null) {
            request = requests.resolveAtIntake(request.getId(), answeredWith);
        }
        return request;
    }

    @Transactional(readOnly = true)
    List<RequestAttachment> of(long requestId) {
        requests.get(requestId);
        return attachments.findByRequestIdOrderById(requestId);
    }

    /** The file of an attachment, if the current user may see its request. */
    @Transactional(readOnly = true)
    Optional<Download> download(long requestId, long attachmentId) {
        requests.find(requestId).orElseThrow(() -> new NotFoundException("Request", requestId));
        return attachments.findByIdAndRequestId(attachmentId, requestId)
                .flatMap(a -> files.find(a.getStorageKey()).map(path -> new Download(a, path)));
    }

    record Download(RequestAttachment attachment, Path path) {
    }

    private void deleteOnRollback(List<String> stored) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        stored.forEach(files::delete);
                    }
                }
            });
        }
    }

    private static List<MultipartFile> nonEmpty(List<MultipartFile> uploads) {
        return uploads == null ? List.of() : uploads.stream().filter(f -> f != null && !f.isEmpty()).toList();
    }
}
