//! Biểu mẫu 7: Xây dựng và phát triển Chính quyền điện tử, Chính quyền số.

use crate::unit::{
    Completion, Count, Dossier, MeetingLinkage, Percent, Procedure, Progress, PublicService,
};

use crate::form::form_table;

form_table! {
    /// Form 7 (Biểu mẫu 7), *Xây dựng và phát triển Chính quyền điện tử,
    /// Chính quyền số*: e-government and digital government, electronic
    /// documents and online public services.
    form 7 Form7 "form7" {
        title: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "E-government and digital government";
        rows {
            /// The state of the e-government architecture: should not regress.
            "1" architecture_updated: Completion { Status, Distribution }
                => "Cập nhật Kiến trúc chính quyền điện tử phiên bản mới nhất",
                   "The e-government architecture was updated to its latest version";
            /// The state of the online meeting system: should not regress.
            "2" online_meeting_system: MeetingLinkage { Status, Distribution }
                => "Xây dựng và vận hành Hệ thống hợp trực tuyến Liên thông 2 cấp: Từ UBND tỉnh - 100% UBND các huyện. Liên thông 3 cấp: Từ UBND tỉnh - 100% UBND cấp huyện, cấp xã.",
                   "Online meeting system built and run, and how many levels it links";
            /// A share of the periodic reports of the period, with neither count printed: it
            /// does not add up.
            "3" reports_via_national_system_rate: Percent { Flow, NotAggregable }
                => "Tỷ lệ báo cáo định kỳ được gửi, nhận qua Hệ thống thông tin báo cáo quốc gia",
                   "Share of periodic reports sent and received through the National Reporting Information System";
            /// The state of the LGSP platform: should not regress.
            "4" shared_platform: Progress { Status, Distribution }
                => "Triển khai xây dựng nền tảng chia sẻ, tích hợp dùng chung (LGSP).",
                   "Building the shared data-integration platform (LGSP)";
            /// The share of departments linked at the date: weighted by the number of
            /// departments (and 100·k/n of it).
            "5.1.1" departments_document_link_rate: Percent { Stock, Weighted by Departments }
                => "Tỷ lệ sở, ngành đã kết nối, liên thông với UBND tỉnh",
                   "Share of departments whose document system is linked to the provincial People's Committee";
            /// The share of districts linked at the date: weighted by the number of districts.
            "5.1.2" districts_document_link_rate: Percent [district] { Stock, Weighted by Districts }
                => "Tỷ lệ UBND cấp huyện đã kết nối, liên thông với UBND tỉnh",
                   "Share of district People's Committees linked to the provincial People's Committee";
            /// The share of communes linked at the date: weighted by the number of communes.
            "5.1.3" communes_document_link_rate: Percent { Stock, Weighted by Communes }
                => "Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND huyện.",
                   "Share of commune People's Committees linked to the district People's Committee";
            /// A share of the documents sent in the period, with neither count printed:
            /// weighting by bodies would be wrong (it is a share of documents), so it does not
            /// add up.
            "5.2" electronic_documents_rate: Percent { Flow, NotAggregable }
                => "Tỷ lệ sử dụng văn bản điện tử của địa phương (Chỉ thống kê tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử; sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).",
                   "Share of documents sent fully electronically, digitally signed, in the locality";
            /// A share of documents, like 5.2.
            "5.2.1" electronic_documents_rate_departments: Percent { Flow, NotAggregable }
                => "Tỷ lệ sử dụng văn bản điện tử của các sở, ban, ngành cấp tỉnh",
                   "Share of electronic documents at provincial departments";
            /// A share of documents, like 5.2.
            "5.2.2" electronic_documents_rate_districts: Percent [district] { Flow, NotAggregable }
                => "Tỷ lệ sử dụng văn bản điện tử của UBND cấp huyện",
                   "Share of electronic documents at district People's Committees";
            /// A share of documents, like 5.2.
            "5.2.3" electronic_documents_rate_communes: Percent { Flow, NotAggregable }
                => "Tỷ lệ sử dụng văn bản điện tử của UBND cấp xã",
                   "Share of electronic documents at commune People's Committees";
            /// The share of departments linked to the one-stop system at the date: weighted by
            /// the number of departments.
            "5.3.1" departments_one_stop_link_rate: Percent { Stock, Weighted by Departments }
                => "Tỷ lệ sở, ngành đã kết nối liên thông với Hệ thống",
                   "Share of departments linked to the one-stop information system";
            /// The share of district-level units linked at the date: weighted by the number of
            /// districts.
            "5.3.2" districts_one_stop_link_rate: Percent [district] { Stock, Weighted by Districts }
                => "Tỷ lệ đơn vị cấp huyện đã kết nối liên thông với Hệ thống",
                   "Share of district-level units linked to the one-stop information system";
            /// The share of commune-level units linked at the date: weighted by the number of
            /// communes.
            "5.3.3" communes_one_stop_link_rate: Percent { Stock, Weighted by Communes }
                => "Tỷ lệ đơn vị cấp xã đã kết nối liên thông với Hệ thống",
                   "Share of commune-level units linked to the one-stop information system";
            /// Fully online services over eligible services, both at the reporting date.
            "6.1" full_online_services_rate: Percent { Stock, Recompute }
                => "Tỷ lệ DVCTT toàn trình đủ điều kiện",
                   "Share of eligible services provided fully online";
            /// Services eligible at the reporting date: a catalogue size (see form 3 row 1.4).
            "6.1.1" services_eligible_full_online: Count<PublicService> { Stock, SumOfInstances }
                => "Tổng số DVC đủ điều kiện lên trực tuyến toàn trình",
                   "Public services eligible to be provided fully online";
            /// Services provided fully online at the reporting date: a catalogue size.
            "6.1.2" full_online_services: Count<PublicService> { Stock, SumOfInstances }
                => "Số lượng DVCTT toàn trình", "Public services provided fully online";
            /// Services with online dossiers over services with any dossier in the period: a
            /// ratio of distinct services.
            "6.2" services_with_online_dossiers_rate: Percent { DistinctFlow, Recompute }
                => "Tỷ lệ DVC có phát sinh hồ sơ nộp trực tuyến (toàn trình + một phần)",
                   "Share of the online services that received any dossier (6.2.1) that received online dossiers (fully and partly online)";
            /// Services that had dossiers in the period: distinct services (one with dossiers
            /// in Q1 and Q3 counts once in the year), and a catalogue size.
            "6.2.1" services_with_dossiers: Count<PublicService> { DistinctFlow, SumOfInstances }
                => "Tổng số DVCTT có phát sinh hồ sơ (gồm các DVCTT có phát sinh hồ sơ trực tuyến hoặc trực tiếp hoặc cả 2 hình thức)",
                   "Online services that received dossiers (online, in person or both)";
            /// Services that had online dossiers in the period: distinct services, like 6.2.1.
            "6.2.2" services_with_online_dossiers: Count<PublicService> { DistinctFlow, SumOfInstances }
                => "Số DVCTT có phát sinh hồ sơ trực tuyến", "Online services that received online dossiers";
            "6.3" full_online_dossiers_rate: Percent { Flow, Recompute }
                => "Tỷ lệ hồ sơ trực tuyến toàn trình", "Share of dossiers of fully online services submitted online";
            "6.3.1" full_online_service_dossiers: Count<Dossier> { Flow, Sum }
                => "Tổng số hồ sơ của DVCTT toàn trình (gồm hồ sơ nộp trực tuyến + trực tiếp)",
                   "Dossiers of fully online services (online and in person)";
            "6.3.2" full_online_service_dossiers_online: Count<Dossier> { Flow, Sum }
                => "Số hồ sơ nộp trực tuyến của các DVCTT toàn trình",
                   "Dossiers of fully online services submitted online";
            "6.4" partly_online_dossiers_rate: Percent { Flow, Recompute }
                => "Tỷ lệ hồ sơ trực tuyến một phần", "Share of dossiers of partly online services submitted online";
            "6.4.1" partly_online_service_dossiers: Count<Dossier> { Flow, Sum }
                => "Tổng số hồ sơ của DVCTT một phần (gồm hồ sơ nộp trực tuyến + trực tiếp)",
                   "Dossiers of partly online services (online and in person)";
            "6.4.2" partly_online_service_dossiers_online: Count<Dossier> { Flow, Sum }
                => "Số hồ sơ nộp trực tuyến của các DVCTT một phần",
                   "Dossiers of partly online services submitted online";
            /// Procedures offering online payment over procedures with fees, both at the
            /// reporting date.
            "6.5" online_payment_rate: Percent { Stock, Recompute }
                => "Tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến",
                   "Share of procedures with fees that offer online payment";
            /// Procedures with fees at the reporting date: a catalogue size.
            "6.5.1" procedures_with_fees: Count<Procedure> { Stock, SumOfInstances }
                => "Tổng số TTHC có yêu cầu nghĩa vụ tài chính (tất cả các TTHC có phát sinh phí, lệ phí,...)",
                   "Procedures with financial obligations (fees and charges)";
            /// Procedures offering online payment at the reporting date: a catalogue size.
            "6.5.2" procedures_with_online_payment: Count<Procedure> { Stock, SumOfInstances }
                => "Số TTHC đã được tích hợp, triển khai thanh toán trực tuyến trên Cổng DVC quốc gia hoặc trên Cổng DVC của tỉnh.",
                   "Procedures with online payment on the National Public Service Portal or the provincial portal";
        }
        headings {
            "5" => "Số liệu về trao đổi văn bản điện tử", "Electronic document exchange";
            "5.1" => "Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều hành từ cấp tỉnh đến cấp xã",
                     "Linking the document-management systems from province to commune";
            "5.3" => "Xây dựng, vận hành Hệ thống thông tin một cửa điện tử tập trung của tỉnh",
                     "The province's central one-stop information system";
            "6" => "Cung cấp DVC trực tuyến", "Online public services";
        }
    }
}
