//! Biểu mẫu 3: Cải cách thủ tục hành chính.

use crate::unit::{Count, Dossier, Percent, Petition, Procedure};

use crate::form::form_table;

form_table! {
    /// Form 3 (Biểu mẫu 3), *Cải cách thủ tục hành chính*:
    /// administrative-procedure (TTHC) reform, the one-stop shop, and how
    /// dossiers were resolved at each level.
    form 3 Form3 "form3" {
        title: "Cải cách thủ tục hành chính", "Administrative-procedure reform";
        rows {
            /// Procedures whose simplification plan was approved in the period; procedures are
            /// catalogue entries (see 1.4).
            "1.1" procedures_simplification_approved: Count<Procedure> { Flow, SumOfInstances }
                => "Số TTHC đã được phê duyệt phương án đơn giản hóa",
                   "Procedures whose simplification plan was approved";
            /// Procedures published in the period (publication decisions); catalogue entries
            /// (see 1.4).
            "1.2" procedures_published_new: Count<Procedure> { Flow, SumOfInstances }
                => "Số TTHC công bố mới", "Procedures newly published";
            /// Procedures abolished or replaced in the period; catalogue entries (see 1.4).
            "1.3" procedures_abolished_or_replaced: Count<Procedure> { Flow, SumOfInstances }
                => "Số TTHC bãi bỏ, thay thế", "Procedures abolished or replaced";
            /// The procedures in force at the reporting date. Procedures: a catalogue size.
            /// Across provinces the sum counts instances of national procedures; the districts
            /// of one province share one catalogue, so their counts do not add up.
            "1.4" procedures_local: Count<Procedure> { Stock, SumOfInstances }
                => "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương",
                   "Procedures the locality has authority to resolve";
            /// Provincial procedures in force at the date (see 1.4).
            "1.4.1" procedures_provincial: Count<Procedure> { Stock, SumOfInstances }
                => "Số TTHC cấp tỉnh (Bao gồm cả TTHC của cơ quan ngành dọc)",
                   "Provincial-level procedures (including those of vertically managed agencies)";
            /// District procedures in force at the date: every district applies the same
            /// catalogue (see 1.4).
            "1.4.2" procedures_district: Count<Procedure> [district] { Stock, SumOfInstances }
                => "Số TTHC cấp huyện (Bao gồm cả TTHC của cơ quan ngành dọc)",
                   "District-level procedures (including those of vertically managed agencies)";
            /// Commune procedures in force at the date: every commune applies the same
            /// catalogue (see 1.4).
            "1.4.3" procedures_commune: Count<Procedure> { Stock, SumOfInstances }
                => "Số TTHC cấp xã (Bao gồm cả TTHC của cơ quan ngành dọc)",
                   "Commune-level procedures (including those of vertically managed agencies)";
            /// Procedures that are linked at the reporting date (an arrangement in force, not
            /// an event of the period); catalogue entries.
            "2.1" procedures_linked_same_level: Count<Procedure> { Stock, SumOfInstances }
                => "Số TTHC liên thông cùng cấp", "Procedures linked within one level";
            /// Procedures linked across levels at the reporting date; catalogue entries.
            "2.2" procedures_linked_across_levels: Count<Procedure> { Stock, SumOfInstances }
                => "Số TTHC liên thông giữa các cấp chính quyền", "Procedures linked across levels of government";
            /// Procedures handled regardless of boundaries at the reporting date; catalogue
            /// entries.
            "2.3" procedures_regardless_of_boundaries: Count<Procedure> { Stock, SumOfInstances }
                => "Số TTHC đã thực hiện tiếp nhận và giải quyết hồ sơ không phụ thuộc vào địa giới hành chính.",
                   "Procedures whose dossiers are received and resolved regardless of administrative boundaries";
            "3.1" on_time_rate_departments: Percent { Flow, Recompute }
                => "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn",
                   "Share of dossiers received by provincial departments that were resolved on time";
            "3.1.1" resolved_departments: Count<Dossier> { Flow, Sum }
                => "Tổng số hồ sơ TTHC đã giải quyết xong", "Dossiers resolved (provincial departments)";
            "3.1.2" resolved_on_time_departments: Count<Dossier> { Flow, Sum }
                => "Số hồ sơ TTHC giải quyết đúng hạn", "Dossiers resolved on time (provincial departments)";
            "3.2" on_time_rate_district: Percent [district] { Flow, Recompute }
                => "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn",
                   "Share of dossiers received by district People's Committees that were resolved on time";
            "3.2.1" resolved_district: Count<Dossier> [district] { Flow, Sum }
                => "Tổng số hồ sơ TTHC đã giải quyết xong", "Dossiers resolved (district level)";
            "3.2.2" resolved_on_time_district: Count<Dossier> [district] { Flow, Sum }
                => "Số hồ sơ TTHC giải quyết đúng hạn", "Dossiers resolved on time (district level)";
            "3.3" on_time_rate_commune: Percent { Flow, Recompute }
                => "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn",
                   "Share of dossiers received by commune People's Committees that were resolved on time";
            "3.3.1" resolved_commune: Count<Dossier> { Flow, Sum }
                => "Tổng số hồ sơ TTHC đã giải quyết xong", "Dossiers resolved (commune level)";
            "3.3.2" resolved_on_time_commune: Count<Dossier> { Flow, Sum }
                => "Số hồ sơ TTHC giải quyết đúng hạn", "Dossiers resolved on time (commune level)";
            "3.4" petitions_resolved_rate: Percent { Flow, Recompute }
                => "Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC",
                   "Share of feedback and petitions on procedures that were resolved";
            "3.4.1" petitions_received: Count<Petition> { Flow, Sum }
                => "Tổng số PAKN đã tiếp nhận (trực tiếp hoặc do cơ quan có thẩm quyền chuyển đến)",
                   "Feedback and petitions received (directly or forwarded by a competent agency)";
            "3.4.2" petitions_resolved: Count<Petition> { Flow, Sum }
                => "Số PAKN đã giải quyết xong", "Feedback and petitions resolved";
        }
        headings {
            "1" => "Thống kê TTHC", "Procedure statistics";
            "2" => "Thực hiện cơ chế một cửa, một cửa liên thông", "One-stop and inter-agency one-stop shop";
            "3" => "Kết quả giải quyết TTHC", "Results of resolving procedures";
        }
    }
}
