package org.propertydesk.dispatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.propertydesk.shared.files.FileStore;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Before and after photos of a job, up to {@value #MAX_PER_WORK_ORDER} per work order, checked by content. Who may
 * add or see them is the caller's check.
 */
@Service
@Transactional
class WorkOrderPhotos {

    static final int MAX_PER_WORK_ORDER = 6;

    private final WorkOrderPhotoRepository photos;
    private final FileStore files;
    private final Dates dates;

    WorkOrderPhotos(WorkOrderPhotoRepository photos, FileStore files, Dates dates) {
        this.photos = photos;
        this.files = files;
        this.dates = dates;
    }

    /** Stores the photos, all or none: a rejected file rolls back the others, and their files are deleted. */
    void add(WorkOrder order, WorkOrderPhoto.Stage stage, List<MultipartFile> uploads) {
        List<MultipartFile> real = uploads == null ? List.of()
                : uploads.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (photos.countByWorkOrderId(order.getId()) + real.size() > MAX_PER_WORK_ORDER) {
            throw new BusinessRuleException("workOrder.error.tooManyPhotos", MAX_PER_WORK_ORDER);
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
            if (!file.contentType().startsWith("image/")) {
                files.delete(file.key());
                throw new BusinessRuleException("workOrder.error.photoOnly");
            }
            stored.add(file.key());
            photos.save(new WorkOrderPhoto(order.getId(), stage, file, dates.now(), CurrentUser.username()));
        }
    }

    @Transactional(readOnly = true)
    List<WorkOrderPhoto> of(long workOrderId) {
        return photos.findByWorkOrderIdOrderById(workOrderId);
    }

    /** Photos of several work orders at once, by work order id. */
    @Transactional(readOnly = true)
    Map<Long, List<WorkOrderPhoto>> ofAll(Collection<Long> workOrderIds) {
        return workOrderIds.isEmpty() ? Map.of() : photos.findByWorkOrderIdInOrderById(workOrderIds).stream()
                .collect(Collectors.groupingBy(WorkOrderPhoto::getWorkOrderId));
    }

    record Download(WorkOrderPhoto photo, Path path) {
    }

    @Transactional(readOnly = true)
    Optional<Download> download(long workOrderId, long photoId) {
        return photos.findByIdAndWorkOrderId(photoId, workOrderId)
                .flatMap(p -> files.find(p.getStorageKey()).map(path -> new Download(p, path)));
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
}
