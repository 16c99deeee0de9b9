//! Biểu mẫu 2: Cải cách thể chế.

use crate::unit::{Count, Document, Percent};

use crate::form::form_table;

form_table! {
    /// Form 2 (Biểu mẫu 2), *Cải cách thể chế*: institutional reform, that
    /// is legal normative documents (VBQPPL) issued, checked and reviewed.
    form 2 Form2 "form2" {
        title: "Cải cách thể chế", "Institutional reform";
        rows {
            "1" regulations_issued: Count<Document> { Flow, Sum }
                => "Tổng số VBQPPL do địa phương ban hành", "Legal normative documents issued by the locality";
            "1.1" regulations_issued_provincial: Count<Document> { Flow, Sum }
                => "Số VBQPPL do cấp tỉnh ban hành", "Issued at provincial level";
            "1.2" regulations_issued_district: Count<Document> [district] { Flow, Sum }
                => "Số VBQPPL do cấp huyện ban hành", "Issued at district level";
            "1.3" regulations_issued_commune: Count<Document> { Flow, Sum }
                => "Số VBQPPL do cấp xã ban hành", "Issued at commune level";
            "2.1" regulations_checked: Count<Document> { Flow, Sum }
                => "Số VBQPPL đã kiểm tra theo thẩm quyền của cấp tỉnh",
                   "Legal normative documents checked under the province's authority";
            "2.2" checked_handling_rate: Percent { Flow, Recompute }
                => "Tỷ lệ xử lý VBQPPL sau kiểm tra", "Share of the documents to be handled after checking that were handled";
            "2.2.1" checked_to_handle: Count<Document> { Flow, Sum }
                => "Tổng số VBQPPL cần phải xử lý sau kiểm tra", "Documents to be handled after checking";
            "2.2.2" checked_handled: Count<Document> { Flow, Sum }
                => "Số VBQPPL có kiến nghị xử lý đã được xử lý xong",
                   "Documents recommended for handling after checking that were handled";
            "3.1" regulations_reviewed: Count<Document> { Flow, Sum }
                => "Số VBQPPL đã rà soát thuộc thẩm quyền của cấp tỉnh",
                   "Legal normative documents reviewed under the province's authority";
            "3.2" reviewed_handling_rate: Percent { Flow, Recompute }
                => "Tỷ lệ xử lý VBQPPL sau rà soát", "Share of the documents to be handled after review that were handled";
            "3.2.1" reviewed_to_handle: Count<Document> { Flow, Sum }
                => "Tổng số VBQPPL cần phải xử lý sau rà soát", "Documents to be handled after review";
            "3.2.2" reviewed_handled: Count<Document> { Flow, Sum }
                => "Số VBQPPL có kiến nghị xử lý đã được xử lý xong",
                   "Documents recommended for handling after review that were handled";
        }
        headings {
            "2" => "Kiểm tra, xử lý VBQPPL", "Checking and handling legal normative documents";
            "3" => "Rà soát VBQPPL", "Reviewing legal normative documents";
        }
    }
}
